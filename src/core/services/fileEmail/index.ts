export { createFileEmailService, type FileEmailService } from './createFileEmailService';
export { emailLibraries, type EmailLibrary } from './EmailLibrary';
export type { AttachmentSummary, EmailMessage, MailAddress } from './EmailMessage';
export { fileEmail, type FileEmailOptions, type FileEmailRequest, type FileEmailResult } from './fileEmail';
export type { FileEmailDeps } from './FileEmailDeps';
export { findFiledCopy, type FiledCopy } from './findFiledCopy';
export type { FileOptions, MessageContext } from './MessageContext';
export { messageSpecs } from './messageSpecs';
export { openMessage, type OpenMessageRequest } from './openMessage';
