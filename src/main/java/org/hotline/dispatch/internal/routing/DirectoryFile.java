package org.hotline.dispatch.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.organization.UnitId;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A dispatch directory file ({@code dispatch/directory.yaml} for the demo organisation): entries with a category
 * {@code code}, a {@code unit} or {@code territorial: true}, the {@code duty} and the {@code phrases}.
 */
public final class DirectoryFile {

    /** One entry as the file writes it. */
    public record Line(String code, String unit, Boolean territorial, String duty, List<String> phrases) {
    }

    record File(List<Line> entries) {
    }

    private DirectoryFile() {
    }

    public static List<DirectoryEntry> read(InputStream in) {
        try {
            File file = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, File.class);
            return file.entries() == null ? List.of() : file.entries().stream().map(DirectoryFile::entry).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DirectoryEntry entry(Line l) {
        boolean territorial = Boolean.TRUE.equals(l.territorial());
        return new DirectoryEntry(0, l.code(), territorial || l.unit() == null ? null : new UnitId(l.unit()),
                l.duty() == null ? "" : l.duty(), l.phrases(), true);
    }

    /** The directory shipped with the demo organisation. */
    public static List<DirectoryEntry> demo() {
        try (InputStream in = DirectoryFile.class.getResourceAsStream("/dispatch/directory.yaml")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
