import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_bot_state';
import * as m0020 from './0020_services';
import * as m0030 from './0030_webchat';
import * as m0040 from './0040_handoff';
import * as m0050 from './0050_health_probe';
import * as m0081 from './0081_staff_security';
import * as m0091 from './0091_outbox_idempotency';
import * as m0092 from './0092_outbox_last_status';
import * as m0101 from './0101_privacy';
import * as m0111 from './0111_unanswered_questions';
import * as m0112 from './0112_staff_roles';
import * as m0121 from './0121_open311_media_comments';
import * as m0122 from './0122_outbox_delivery_tracking';
import * as m0131 from './0131_insight_events';
import * as m0132 from './0132_directline_purge_index';
import * as m0141 from './0141_handoff_language';

/**
 * Migrations are listed here in order (not discovered from the file system) so that they
 * work the same under tsx, vitest and a compiled build. A feature adds a file and a line.
 */
const migrations: Record<string, Migration> = {
  '0001_bot_state': m0001,
  '0020_services': m0020,
  '0030_webchat': m0030,
  '0040_handoff': m0040,
  '0050_health_probe': m0050,
  '0081_staff_security': m0081,
  '0091_outbox_idempotency': m0091,
  '0092_outbox_last_status': m0092,
  '0101_privacy': m0101,
  '0111_unanswered_questions': m0111,
  '0112_staff_roles': m0112,
  '0121_open311_media_comments': m0121,
  '0122_outbox_delivery_tracking': m0122,
  '0131_insight_events': m0131,
  '0132_directline_purge_index': m0132,
  '0141_handoff_language': m0141,
};

export class InCodeMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}
