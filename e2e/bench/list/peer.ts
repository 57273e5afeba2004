// The peer: material-react-table (the table library Headlamp uses) with row virtualisation and a
// global filter, on the same rows and columns (REPLICAS joined from the same HPAs beforehand).
import { createElement as h, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  MaterialReactTable,
  useMaterialReactTable,
  type MRT_ColumnDef,
  type MRT_RowData,
  type MRT_TableInstance,
} from 'material-react-table';
import { scaledObjectRow, type ScaledObjectRow } from '../../../components/src/core/keda/printer-columns.ts';
import { benchHpas, benchScaledObjects, replicasText } from './data.ts';

type PeerRow = ScaledObjectRow & { replicas: string };

const now = Date.parse('2026-11-30T12:00:00Z');
const hpas = benchHpas(10_000);
const rows: PeerRow[] = benchScaledObjects(10_000).map((so, i) => ({
  ...scaledObjectRow(so, now),
  replicas: replicasText(hpas[i]!),
}));
const cell = (key: keyof PeerRow, header: string): MRT_ColumnDef<PeerRow> => ({
  accessorFn: (r) => (r[key] === undefined ? '' : String(r[key])),
  id: key,
  header,
});
const columns: MRT_ColumnDef<PeerRow>[] = [
  cell('name', 'Name'),
  cell('namespace', 'Namespace'),
  cell('replicas', 'Replicas'),
  cell('scaleTargetKind', 'ScaleTargetKind'),
  cell('scaleTargetName', 'ScaleTargetName'),
  cell('min', 'Min'),
  cell('max', 'Max'),
  cell('ready', 'Ready'),
  cell('active', 'Active'),
  cell('fallback', 'Fallback'),
  cell('paused', 'Paused'),
  cell('triggers', 'Triggers'),
  cell('authentications', 'Authentications'),
  cell('age', 'Age'),
];

let setFilter: (value: string) => void = () => undefined;

function Table() {
  const [globalFilter, setGlobalFilter] = useState('');
  setFilter = setGlobalFilter;
  const table = useMaterialReactTable({
    columns,
    data: rows,
    enableRowVirtualization: true,
    enablePagination: false,
    enableGlobalFilter: true,
    state: { globalFilter },
    onGlobalFilterChange: setGlobalFilter,
    muiTableContainerProps: { sx: { maxHeight: '70vh' } },
  });
  // createElement cannot carry the row type parameter that JSX would infer.
  return h(MaterialReactTable, { table: table as unknown as MRT_TableInstance<MRT_RowData> });
}

declare global {
  interface Window {
    benchStart(): Promise<number>;
    benchType(text: string): Promise<number>;
    benchRows(): number;
  }
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

window.benchStart = async () => {
  const container = document.createElement('div');
  document.body.append(container);
  const start = performance.now();
  createRoot(container).render(h(Table));
  while (!document.querySelector('tbody tr td')) await new Promise((r) => requestAnimationFrame(r));
  await nextPaint();
  return performance.now() - start;
};

window.benchType = async (text: string) => {
  const start = performance.now();
  flushSync(() => setFilter(text));
  await nextPaint();
  return performance.now() - start;
};

window.benchRows = () => document.querySelectorAll('tbody tr').length;
