import type { Dialog } from 'botbuilder-dialogs';
import type { Vocabulary } from '../../knowledge/vocabulary';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Responses } from '../responses';
import type { Router } from '../router';

/**
 * Wraps a feature conversation (service request, bin day, case status) so that help, cancel,
 * start again, "talk to a person" and safeguarding interrupt it as everywhere else.
 */
export class InterruptibleDialog extends CancelAndHelpDialog {
  constructor(id: string, router: Router, responses: Responses, vocabulary: Vocabulary, inner: Dialog, now?: () => Date) {
    super(id, router, responses, vocabulary, now);
    this.addDialog(inner);
    this.initialDialogId = inner.id;
  }
}
