package io.counterdesk.report.pdf;

import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for {@link PdfReport#table}: columns with relative widths and alignment, rows of text.
 * Money columns are right-aligned so that the decimal points stand under each other. A table
 * longer than the page breaks between rows (a row taller than a page between its lines) and repeats
 * its heading row on the next page.
 */
public record PdfTable(List<Column> columns, List<Row> rows, boolean grid) {

    /** How a column's cells sit in their space. */
    public enum Align {
        LEFT,
        RIGHT,
        CENTER
    }

    /** A column: its heading, its share of the width (relative to the others) and its alignment. */
    public record Column(String heading, float weight, Align align) {
        public Column {
            Objects.requireNonNull(heading);
            Objects.requireNonNull(align);
            if (weight <= 0) {
                throw new IllegalArgumentException("a column needs a positive width: " + heading);
            }
        }
    }

    /**
     * One row; {@code emphasis} draws it shaded and in heavier type (subtotals, totals).
     */
    public record Row(List<String> cells, boolean emphasis) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public PdfTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.cells().size() + " cells for " + columns.size()
                        + " columns: " + row.cells());
            }
        }
    }

    public static Builder builder() {
        return new Builder(true);
    }

    /** A table without heading row and rules: label / value pairs laid out in columns. */
    public static Builder plain() {
        return new Builder(false);
    }

    /** Money as the reports write it: {@code ¥1,005.50}. */
    public static String money(Money amount) {
        return amount.format();
    }

    /** Builds a table column by column, then row by row. */
    public static final class Builder {
        private final boolean grid;
        private final List<Column> columns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();

        private Builder(boolean grid) {
            this.grid = grid;
        }

        public Builder column(String heading, float weight) {
            return column(heading, weight, Align.LEFT);
        }

        public Builder column(String heading, float weight, Align align) {
            columns.add(new Column(heading, weight, align));
            return this;
        }

        /** A right-aligned column, for amounts and counts. */
        public Builder number(String heading, float weight) {
            return column(heading, weight, Align.RIGHT);
        }

        public Builder row(String... cells) {
            rows.add(new Row(List.of(cells), false));
            return this;
        }

        public Builder row(List<String> cells) {
            rows.add(new Row(cells, false));
            return this;
        }

        /** A subtotal or total row, shaded. */
        public Builder total(String... cells) {
            rows.add(new Row(List.of(cells), true));
            return this;
        }

        public PdfTable build() {
            return new PdfTable(columns, rows, grid);
        }
    }
}
