export { defaultFiledCategory, fileMessage, type FileMessageOptions } from './fileMessage';
export { createEmailLibrary, emailColumnDefinitions, emailColumns, missingEmailColumns } from './emailColumns';
export { emlFileName, safeFileName } from './emlFileName';
export { parseMimeAttachments, type MimeAttachment } from './parseMimeAttachments';
export {
  fileMessageSteps,
  type FiledAttachment,
  type FiledItem,
  type FileMessageResult,
  type FileMessageStep,
  type FileMessageStepResult
} from './FileMessageResult';
