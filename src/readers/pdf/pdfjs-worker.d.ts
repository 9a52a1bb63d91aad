/** pdfjs-dist ships no types for its worker module; what pdfjs.ts uses of it. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}
