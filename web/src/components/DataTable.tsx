// A table of records: sortable columns, a filter over what is shown, and
// paging — by the API for long lists (page/total from the answer's "page"),
// or in the page for short ones.
import { Group, Pagination, ScrollArea, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import {
  flexRender, getCoreRowModel, getFilteredRowModel, getPaginationRowModel, getSortedRowModel, useReactTable,
  type ColumnDef, type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';

type Props<T> = {
  caption: string;
  columns: ColumnDef<T, any>[];
  data: T[];
  // Server paging: the answer's total and the page shown (from 1).
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (p: number) => void;
  onRowClick?: (row: T) => void;
  filter?: boolean;
};

export function DataTable<T>({ caption, columns, data, total, page, pageSize = 50, onPage, onRowClick, filter = true }: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [global, setGlobal] = useState('');
  const server = onPage !== undefined;
  const table = useReactTable({
    data, columns, state: { sorting, globalFilter: global },
    onSortingChange: setSorting, onGlobalFilterChange: setGlobal,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getFilteredRowModel: getFilteredRowModel(),
    ...(server ? {} : { getPaginationRowModel: getPaginationRowModel(), initialState: { pagination: { pageSize } } }),
  });
  const pages = server ? Math.max(1, Math.ceil((total ?? 0) / pageSize)) : table.getPageCount();
  return (
    <div>
      {filter && (
        <TextInput
          label="Lọc trong bảng"
          placeholder="Gõ để lọc các dòng đang hiện"
          value={global}
          onChange={(e) => setGlobal(e.currentTarget.value)}
          mb="xs"
          maw={360}
        />
      )}
      <ScrollArea>
        <Table striped highlightOnHover withTableBorder captionSide="top" aria-label={caption}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            {table.getHeaderGroups().map((hg) => (
              <Table.Tr key={hg.id}>
                {hg.headers.map((h) => (
                  <Table.Th key={h.id} aria-sort={h.column.getIsSorted() === 'asc' ? 'ascending' : h.column.getIsSorted() === 'desc' ? 'descending' : undefined}>
                    {h.column.getCanSort() ? (
                      <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={600} fz="sm">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {h.column.getIsSorted() === 'asc' ? ' ▲' : h.column.getIsSorted() === 'desc' ? ' ▼' : ''}
                      </UnstyledButton>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((r) => (
              <Table.Tr key={r.id} onClick={onRowClick ? () => onRowClick(r.original) : undefined} style={onRowClick ? { cursor: 'pointer' } : undefined}>
                {r.getVisibleCells().map((c) => (
                  <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            {table.getRowModel().rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" size="sm">Không có dòng nào.</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {server ? `${total} dòng` : `${data.length} dòng`}
          </Text>
          <Pagination
            total={pages}
            value={server ? page ?? 1 : table.getState().pagination.pageIndex + 1}
            onChange={(p) => (server ? onPage!(p) : table.setPageIndex(p - 1))}
            getControlProps={(c) => ({ 'aria-label': c === 'next' ? 'Trang sau' : c === 'previous' ? 'Trang trước' : c })}
            getItemProps={(p) => ({ 'aria-label': `Trang ${p}` })}
          />
        </Group>
      )}
    </div>
  );
}
