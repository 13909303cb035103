package org.hotline.dispatch.internal.learning;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotline.platform.InvalidInputException;

/**
 * The header and first rows of a history file, read with the importer's own reader ({@link HistoryFiles}) and
 * then left: what the admin maps the columns from before the import reads the whole file.
 */
final class HistoryPreview {

    static final int ROWS = 3;

    private HistoryPreview() {
    }

    record Read(List<String> header, List<List<String>> rows) {
    }

    /** Thrown by the sink once it has what it needs: the rest of the file is not read. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    static Read of(Path file, String fileName, Charset charset) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try {
            HistoryFiles.read(file, fileName, charset, new HistoryFiles.RowSink() {
                @Override
                public void header(List<String> names) {
                    names.forEach(n -> header.add(n == null ? "" : n.strip()));
                }

                @Override
                public void row(long rowNumber, List<String> cells) {
                    rows.add(cells.stream().map(c -> c == null ? "" : c.length() > 80 ? c.substring(0, 80) + "…" : c)
                            .toList());
                    if (rows.size() >= ROWS) {
                        throw new Enough();
                    }
                }
            });
        } catch (HistoryFiles.UnreadableFile e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", "文件读取失败，请确认是 CSV 或 Excel（.xlsx）文件");
        } catch (RuntimeException e) {
            if (!stoppedOnPurpose(e)) {
                throw new InvalidInputException("file", "文件无法读取：请确认是 CSV 或 Excel（.xlsx）文件，且字符集选择正确");
            }
        }
        if (header.isEmpty()) {
            throw new InvalidInputException("file", "文件为空，没有表头行");
        }
        return new Read(List.copyOf(header), List.copyOf(rows));
    }

    private static boolean stoppedOnPurpose(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Enough) {
                return true;
            }
        }
        return false;
    }
}
