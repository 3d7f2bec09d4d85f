import type { SealRepo } from '../../main/services/duty/seal-repo';

/** Inserts a seal row of made-up hashes (repository tests): numbered under `scheme`, or legacy without `seq`. */
export function insertSeal(repo: SealRepo, shiftId: number, seq: number | null, hash: string, scheme: string): number {
  return repo.insert({
    shiftId,
    sealedAt: 1,
    summary: '{}',
    entriesHash: 'e',
    prevSealHash: 'p',
    sealHash: hash,
    signedBy: '[]',
    scheme,
    seq,
  });
}
