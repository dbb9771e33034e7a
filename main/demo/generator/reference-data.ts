/** Drivers and the customer journey (stages, touchpoints): what interviews and ratings later point at. */
import { DRIVERS } from '../vocabulary/drivers-and-verbatims';
import { JOURNEY } from '../vocabulary/journey';
import type { GenerationContext } from './context';
import { HOUR, iso } from './timeline';

export function insertDrivers(ctx: GenerationContext, ms: number): void {
  const stmt = ctx.raw.prepare(`INSERT INTO drivers (id, name, description, sort_order, created_at, updated_at) VALUES (?,?,?,?,?,?)`);
  DRIVERS.forEach((driver, index) => {
    const id = ctx.ids.at(ms + index);
    const stamp = iso(ms + index);
    stmt.run(id, driver.name, driver.description, index, stamp, stamp);
    ctx.driverIds.push(id);
    ctx.driverNamesLower.push(driver.name.toLowerCase());
  });
  ctx.summary.drivers = DRIVERS.length;
}

export function insertJourney(ctx: GenerationContext, ms: number): void {
  const db = ctx.raw;
  const stamp = iso(ms + HOUR);
  const journeyId = ctx.ids.at(ms + HOUR);
  db.prepare(`INSERT INTO journeys (id, name, description, state, created_at, updated_at) VALUES (?,?,?,'as_is',?,?)`).run(journeyId, JOURNEY.name, JOURNEY.description, stamp, stamp);
  ctx.summary.journeys = 1;
  const stageStmt = db.prepare(`INSERT INTO journey_stages (id, journey_id, name, position, created_at, updated_at) VALUES (?,?,?,?,?,?)`);
  const tpStmt = db.prepare(
    `INSERT INTO touchpoints (id, stage_id, name, channel, expectation, position, pain_points, opportunities, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );
  JOURNEY.stages.forEach((stage, stageIndex) => {
    const stageId = ctx.ids.at(ms + HOUR);
    stageStmt.run(stageId, journeyId, stage.name, stageIndex, stamp, stamp);
    ctx.summary.journey_stages++;
    stage.touchpoints.forEach((tp, position) => {
      const id = ctx.ids.at(ms + HOUR);
      tpStmt.run(id, stageId, tp.name, tp.channel, tp.expectation, position, tp.painPoints, tp.opportunities, stamp, stamp);
      ctx.touchpointIds.push(id);
      ctx.touchpointQuality.push(tp.quality);
      (ctx.stageTouchpoints[stageIndex] ??= []).push(ctx.touchpointIds.length - 1);
      ctx.summary.touchpoints++;
    });
  });
}
