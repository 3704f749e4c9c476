import * as React from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { formatDate, formatDateTime } from '../common/dates';
import type { DisposalBatch } from './proof';
import type { ProofVerificationSummary } from '../../core/services/disposition/readProofRegister';

export interface CertificateProps {
  batch: DisposalBatch;
  verification: ProofVerificationSummary;
  onBack(): void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    '@media print': { border: 'none', padding: 0, backgroundColor: 'white', color: 'black' }
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  cell: { overflowWrap: 'anywhere' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  signature: { marginTop: tokens.spacingVerticalXXL, display: 'flex', columnGap: tokens.spacingHorizontalXXXL }
});

/**
 * A certificate of disposal for one batch, laid out for print (the print stylesheet leaves the app's navigation
 * and these buttons out): what was disposed of, under which label, who approved it and why, and the proof entry
 * and hash that tie each disposal to the verified register. The register's head hash and the id of the anchor that
 * holds it are printed, so an auditor can check a register export against this paper copy years later.
 */
export function Certificate({ batch, verification, onBack }: CertificateProps): React.ReactElement {
  const styles = useStyles();
  return (
    <article className={styles.root} aria-labelledby="custodian-certificate-title" data-testid="certificate">
      <div className={styles.actions} data-print-hide="">
        <Button appearance="primary" onClick={() => window.print()}>
          Print
        </Button>
        <Button onClick={onBack}>Back to the register</Button>
      </div>
      <Title3 as="h2" id="custodian-certificate-title">
        Certificate of disposal
      </Title3>
      <Text as="p">
        {`The ${batch.entries.length === 1 ? 'record below was' : `${batch.entries.length} records below were`} disposed of on ${formatDate(`${batch.day}T00:00:00Z`)} after disposition review under the retention schedule of each record's label, with final approval by ${batch.by}.`}
      </Text>
      <Text as="p">
        {verification.ok
          ? `The proof register was verified when this certificate was produced: ${verification.count} entries, head hash ${verification.headHash}${verification.anchorId ? `, anchored at entry ${verification.anchoredSequence ?? ''} in anchor ${verification.anchorId}` : ', not yet anchored'}.`
          : `Warning: the proof register failed verification when this certificate was produced (${verification.reason}).`}
      </Text>
      {verification.ok && (
        <Text as="p" className={styles.hash} data-testid="certificate-check">
          {`To check this certificate later: custodian proof verify custodian-proof-register.csv --head ${verification.headHash}`}
        </Text>
      )}
      <Table aria-label="Records disposed of" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Record</TableHeaderCell>
            <TableHeaderCell>Retention label</TableHeaderCell>
            <TableHeaderCell>Approved</TableHeaderCell>
            <TableHeaderCell>Justification</TableHeaderCell>
            <TableHeaderCell>Proof entry</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {batch.entries.map((entry) => (
            <TableRow key={entry.sequence}>
              <TableCell className={styles.cell}>{entry.subjectName}</TableCell>
              <TableCell className={styles.cell}>{entry.detail.label ?? ''}</TableCell>
              <TableCell>{formatDateTime(entry.recordedAt)}</TableCell>
              <TableCell className={styles.cell}>{entry.justification}</TableCell>
              <TableCell className={styles.hash}>{`#${entry.sequence} ${entry.hash}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.signature}>
        <Text>Records manager: ____________________</Text>
        <Text>Date: ____________</Text>
      </div>
    </article>
  );
}
