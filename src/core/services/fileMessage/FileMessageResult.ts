import type { CustodianError } from '../../http/CustodianError';

export interface FiledItem {
  driveId: string;
  itemId: string;
  name: string;
  webUrl: string;
}

export const fileMessageSteps = ['upload', 'fields', 'retentionLabel', 'attachments', 'category'] as const;
export type FileMessageStep = (typeof fileMessageSteps)[number];

export interface FileMessageStepResult {
  step: FileMessageStep;
  status: 'done' | 'unchanged' | 'failed' | 'notAttempted';
  error?: CustodianError;
}

export interface FiledAttachment {
  fileName: string;
  item?: FiledItem;
  /** Filed beside the email before (a re-filing found it there): left as it was. */
  alreadyFiled?: boolean;
  error?: CustodianError;
}

export type FileMessageResult =
  /** Refused before anything was written: `error` says why and what to do. */
  | { status: 'refused'; error: CustodianError }
  /** Filed now; each step's outcome, and the attachments filed beside it when asked. */
  | { status: 'filed' | 'partial'; item: FiledItem; steps: FileMessageStepResult[]; attachments: FiledAttachment[] }
  /**
   * Filed before (found by its internet message id): the first copy, not a second. Asked to include attachments,
   * those not beside the first copy yet are filed now (an attachment can be added to an email filed without it).
   */
  | { status: 'alreadyFiled'; item: FiledItem; steps: FileMessageStepResult[]; attachments: FiledAttachment[] };
