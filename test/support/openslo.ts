/**
 * An OpenSLO (openslo/v1) file holding one SLO over Prometheus counters, its SLI inline; `spec` adds
 * lines under the SLO's spec (timeWindow, objectives).
 */
export const openSloFile = (slo: { name: string; service: string; good: string; total: string; spec: string }): string => `apiVersion: openslo/v1
kind: SLO
metadata: { name: ${slo.name} }
spec:
  service: ${slo.service}
  budgetingMethod: Occurrences
${slo.spec}
  indicator:
    metadata: { name: ${slo.name}-events }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: '${slo.good}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: '${slo.total}' } } }
`;
