// Minimal types for the PNG chunk container packages (CommonJS, shipped without types).
declare module 'png-chunks-extract' {
  /** One PNG chunk: its four-letter type and its data, without the length and CRC fields. */
  interface PngChunk {
    name: string;
    data: Uint8Array;
  }
  /** Splits a PNG file into its chunks up to IEND; throws on a bad signature, a missing IHDR or a bad CRC. */
  function extractChunks(data: Uint8Array): PngChunk[];
  export = extractChunks;
}

declare module 'png-chunks-encode' {
  /** Writes the PNG signature followed by each chunk with its length and CRC. */
  function encodeChunks(chunks: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array;
  export = encodeChunks;
}
