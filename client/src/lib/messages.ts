// The ICU message helpers live in shared/ so that the server's mail catalogues use the same ones.
export * from '../../../shared/domain/messages.ts';
