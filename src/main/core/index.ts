export { openLibrary, DB_FILE_NAME, type GenerationOptions, type Library, type LibraryOptions } from './library/openLibrary';
export { generationFromEnvironment } from './generation/fromEnvironment';
export { defaultLibraryDir, APP_DIR_NAME, LIBRARY_DIR_NAME } from './library/defaultLocation';
export { parseImageRequest, resolveInsideRoot, type ResolvedImage } from './images/imageRequest';
export type { RequestContext, Router, Shell, Logger } from './router/router';
