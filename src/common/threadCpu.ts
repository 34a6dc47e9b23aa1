/**
 * CPU time this thread has used, in ms. Activation is timed on the wall clock (what VS Code shows)
 * and on this clock: the workbench starts on the same cores at that moment, so the wall time of the
 * same work varies several-fold from run to run, while the CPU time is what the work itself costs.
 * `threadCpuUsage` is Node 23.9+; older hosts fall back to the whole process's usage.
 */
export function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
