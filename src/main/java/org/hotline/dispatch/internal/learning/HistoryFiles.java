package org.hotline.dispatch.internal.learning;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads a history file row by row without holding it in memory: CSV (RFC 4180, any charset, a UTF-8 byte
 * order mark is dropped) through commons-csv, Excel .xlsx through POI's streaming SAX reader (first sheet).
 * The xlsx reader still keeps the workbook's shared-string table in memory, which for text-heavy sheets is
 * about the size of the text; very large histories are better exported as CSV. Old binary .xls is refused.
 */
final class HistoryFiles {

    /** Receives the header once, then every row with its number in the file (the header is row 1). */
    interface RowSink {
        void header(List<String> names);

        void row(long rowNumber, List<String> cells);

        /** For the time-left estimate: bytes of the file read so far (CSV). */
        default void bytesRead(long bytes) {
        }

        /** For the time-left estimate: how many rows the sheet declares (xlsx), header included. */
        default void rowsTotal(int rows) {
        }
    }

    /** The file cannot be read at all (not a CSV/xlsx, no header): the import fails with this reason. */
    static final class UnreadableFile extends Exception {
        UnreadableFile(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private HistoryFiles() {
    }

    static void read(Path file, String fileName, Charset charset, RowSink sink) throws IOException, UnreadableFile {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new UnreadableFile("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV", null);
        }
        if (name.endsWith(".xlsx") || startsWithZip(file)) {
            readXlsx(file, sink);
        } else {
            readCsv(file, charset, sink);
        }
    }

    private static boolean startsWithZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static void readCsv(Path file, Charset charset, RowSink sink) throws IOException, UnreadableFile {
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                Reader reader = new InputStreamReader(counted, charset);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build().parse(reader)) {
            boolean first = true;
            long lastReport = 0;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (first) {
                    if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                        cells = new ArrayList<>(cells);
                        cells.set(0, cells.get(0).substring(1));
                    }
                    sink.header(cells);
                    first = false;
                    continue;
                }
                sink.row(record.getRecordNumber(), cells);
                if (counted.count - lastReport >= 1 << 16) {
                    lastReport = counted.count;
                    sink.bytesRead(counted.count);
                }
            }
            if (first) {
                throw new UnreadableFile("文件为空，没有表头行", null);
            }
            sink.bytesRead(counted.count);
        }
    }

    private static void readXlsx(Path file, RowSink sink) throws IOException, UnreadableFile {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("Excel 文件中没有工作表", null);
            }
            try (InputStream sheet = sheets.next()) {
                SheetRows rows = new SheetRows(sink);
                XMLReader parser = XMLHelper.newXMLReader();
                DimensionFilter filter = new DimensionFilter(sink);
                filter.setParent(parser);
                filter.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
                filter.parse(new InputSource(sheet));
                if (!rows.sawHeader) {
                    throw new UnreadableFile("工作表为空，没有表头行", null);
                }
            }
        } catch (OpenXML4JException | SAXException | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new UnreadableFile("无法读取 Excel 文件：" + e.getMessage(), e);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the cells of each sheet row (empty cells are skipped by POI, so columns come from references). */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private int row;
        private int nextColumn;
        boolean sawHeader;

        SheetRows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
            nextColumn = column + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (!sawHeader) {
                if (cells.stream().allMatch(String::isBlank)) {
                    return;
                }
                sawHeader = true;
                sink.header(List.copyOf(cells));
                return;
            }
            sink.row(row + 1L, List.copyOf(cells));
        }
    }

    /** Passes the sheet through, noting the row count the {@code <dimension ref="A1:F1200"/>} element declares. */
    private static final class DimensionFilter extends XMLFilterImpl {
        private final RowSink sink;

        DimensionFilter(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("dimension".equals(localName)) {
                String ref = atts.getValue("ref");
                if (ref != null && ref.contains(":")) {
                    try {
                        sink.rowsTotal(new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1);
                    } catch (RuntimeException e) {
                        // a malformed dimension only costs the time-left estimate
                    }
                }
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
