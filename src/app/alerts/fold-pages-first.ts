import type { IncomingAlert } from '../../domain/alerts/alert.js';
import { alertClassOf } from '../../domain/alerts/route.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { SightingDeps } from './apply-sighting.js';
import { receiveAlertBatches } from './receive-alerts.js';

type Deps = SightingDeps & Pick<UseCaseDeps, 'alertInbox'>;

/**
 * The paging alerts of a waiting batch, folded now, ahead of the backlog before them, as of the
 * batch's arrival: a page in a flood does not wait for the flood. The rest of the batch stays in the
 * inbox and is folded in its turn; the batch keeps only the rest in the same transaction, so nothing
 * is folded twice, crash or not. A card resolved here keeps the rest's warnings attached until their
 * own sightings decide them, as if the batch had been folded whole. Its caller takes such batches in
 * arrival order (scheduler/page-lane.ts), so each alert's own sightings stay in order. Returns
 * whether it went ahead ('left': nothing in it pages, or it no longer waits).
 */
export const foldPagesFirst = (deps: Deps, id: number): 'folded' | 'left' =>
  deps.atomically(() => {
    const batch = deps.alertInbox.find(id);
    if (!batch) return 'left';
    const alerts = deps.config().alerts;
    const pages = (alert: IncomingAlert) => alertClassOf(alerts, alert.labels) === 'critical';
    const paging = batch.alerts.filter(pages);
    if (paging.length === 0) return 'left';
    const rest = batch.alerts.filter((alert) => !pages(alert));
    receiveAlertBatches(deps, [{ sourceId: batch.sourceId, alerts: paging, receivedAt: batch.receivedAt }], new Set(rest.map((alert) => alert.fingerprint)));
    deps.alertInbox.keepOnly(id, rest);
    return 'folded';
  });
