/** Where files to import are posted. The request body is the file: no body parser reads it. */
export const IMPORT_UPLOAD_PATH = '/imports';
