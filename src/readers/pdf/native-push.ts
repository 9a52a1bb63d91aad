/** `Array.prototype.push` as Node gives it, captured before pdf.js loads (see pdfjs.ts). */
export const nativePush = Array.prototype.push;
