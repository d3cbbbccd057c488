import type { PlanDto } from '@goal-families/contract';
import {
  Alert,
  Flex,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { type ReactNode, useState } from 'react';
import { useNames } from '../names';
import {
  archivedRows,
  changeRows,
  createdRows,
  type GoalContext,
  noticeText,
  planSummary,
  type TextContext,
} from '../planText';
import { useFormat } from './FormatProvider';

const PAGE_SIZE = 10;

function Paged<T>(props: { rows: T[]; render: (pageRows: T[]) => ReactNode; testId: string }) {
  const { rows, render, testId } = props;
  const [page, setPage] = useState(1);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (pageCount === 1)
    return (
      <Table bordered testId={testId}>
        {render(pageRows)}
      </Table>
    );
  return (
    <Table bordered paginated pageCount={pageCount} page={page} onPageChange={setPage} testId={testId}>
      {render(pageRows)}
    </Table>
  );
}

/** The plan's warnings in words: the server's notices, worded here with formatted amounts. */
export function planNotices(plan: PlanDto, ctx: TextContext): string[] {
  return (plan.notices ?? []).map((n) => noticeText(n, ctx));
}

/** Exactly what applying a plan would do, target by target, by assignee and period. */
export function PlanPreview({ plan, goal }: { plan: PlanDto; goal: GoalContext }) {
  const format = useFormat();
  const names = useNames();
  // The plan knows the goal's own period length and zone best (undo and repair screens do not).
  const ctx: TextContext = {
    format,
    names,
    goal: { ...goal, milestone: plan.milestone ?? goal.milestone, timeZone: plan.timeZone ?? goal.timeZone },
  };
  const changes = changeRows(plan, ctx);
  const created = createdRows(plan, ctx);
  const archived = archivedRows(plan, ctx);
  const notices = planNotices(plan, ctx);
  const nothing = plan.updates.length + plan.creates.length + plan.archives.length === 0;
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'demibold' }} testId="plan-summary">
        {planSummary(plan, ctx)}
      </Text>
      {notices.length > 0 && (
        <Alert title="Check before applying" variant="warning" testId="plan-warnings">
          {notices.map((notice) => (
            <Text key={notice}>{notice}</Text>
          ))}
        </Alert>
      )}
      {nothing && <Text testId="plan-nothing">Nothing would change.</Text>}
      {changes.length > 0 && (
        <Paged
          testId="plan-updates"
          rows={changes}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>Assignee</TableHeader>
                  <TableHeader>Period</TableHeader>
                  <TableHeader>Change</TableHeader>
                  <TableHeader>Before</TableHeader>
                  <TableHeader>After</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{row.who}</TableCell>
                    <TableCell>{row.period}</TableCell>
                    <TableCell>{row.what}</TableCell>
                    <TableCell>{row.before}</TableCell>
                    <TableCell>{row.after}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
      {created.length > 0 && (
        <Paged
          testId="plan-creates"
          rows={created}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>New target for</TableHeader>
                  <TableHeader>Period</TableHeader>
                  <TableHeader align="right">Target</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{row.who}</TableCell>
                    <TableCell>{row.period}</TableCell>
                    <TableCell align="right">{row.amount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
      {archived.length > 0 && (
        <Paged
          testId="plan-archives"
          rows={archived}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>Target to archive: assignee</TableHeader>
                  <TableHeader>Period</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{row.who}</TableCell>
                    <TableCell>{row.period}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
    </Flex>
  );
}
