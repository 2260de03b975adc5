import { Codes } from '../codes.js';
import type { ParsedInput } from './input.js';
import { result, type VerificationReport } from './report.js';
import type { CredentialVerificationContext } from './verify-credential.js';

export interface PresentationOptions {
  challenge?: string;
  domain?: string;
}

export function isPresentation(parsed: ParsedInput): boolean {
  if (parsed.kind === 'json') {
    const type = parsed.document.type;
    return (Array.isArray(type) ? type : [type]).includes('VerifiablePresentation');
  }
  return false;
}

export async function verifyPresentationInput(
  _parsed: ParsedInput,
  _context: CredentialVerificationContext,
  _options: PresentationOptions,
): Promise<VerificationReport> {
  const check = result('format', 'fail', Codes.proofUnsupported, 'Presentations are not supported yet.');
  return { verified: false, kind: 'presentation', checks: [check], credentials: [] };
}
