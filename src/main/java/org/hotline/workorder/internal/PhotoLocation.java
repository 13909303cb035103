package org.hotline.workorder.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Takes out of a photo where it was taken, format by format, and leaves the image as it was.
 *
 * <ul>
 * <li>JPEG: the GPS directory of the EXIF (the block is written anew from what is kept, so no old GPS byte
 * remains; the orientation and the rest stay), the XMP and the IPTC block (place names).</li>
 * <li>HEIC/HEIF (iPhones): the EXIF and XMP items are blanked in place, their length kept, so that no offset in
 * the file moves. A HEIF image's rotation is a property of the image item, not EXIF, so it still shows upright.</li>
 * <li>PNG: the {@code eXIf} chunk and XMP or raw-profile text chunks are dropped.</li>
 * <li>WebP: the {@code EXIF} and {@code XMP } chunks are dropped and their flags cleared.</li>
 * </ul>
 * A file whose structure cannot be read throws: it is refused rather than stored with what it may hide.
 */
final class PhotoLocation {

    private PhotoLocation() {
    }

    /** The photo without its location; other types unchanged. */
    static byte[] removed(String type, byte[] data) throws IOException {
        return switch (type) {
            case "image/jpeg" -> jpeg(data);
            case "image/heic", "image/heif" -> heif(data);
            case "image/png" -> png(data);
            case "image/webp" -> webp(data);
            default -> data;
        };
    }

    // ---------------------------------------------------------------- JPEG

    static byte[] jpeg(byte[] jpeg) throws IOException {
        byte[] bytes = jpeg;
        TiffImageMetadata exif = Imaging.getMetadata(bytes) instanceof JpegImageMetadata metadata ? metadata.getExif()
                : null;
        if (exif != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            // Lossy: the EXIF block is written anew from what is kept, so no byte of the old GPS block remains.
            new ExifRewriter().updateExifMetadataLossy(bytes, out, withoutGps(exif.getOutputSet()));
            bytes = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        new JpegXmpRewriter().removeXmpXml(bytes, out);
        bytes = out.toByteArray();
        out = new ByteArrayOutputStream(bytes.length);
        new JpegIptcRewriter().removeIptc(bytes, out);
        return out.toByteArray();
    }

    private static TiffOutputSet withoutGps(TiffOutputSet set) throws ImagingException {
        TiffOutputSet kept = new TiffOutputSet(set.byteOrder);
        for (TiffOutputDirectory directory : set.getDirectories()) {
            if (directory.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_GPS) {
                directory.removeField(ExifTagConstants.EXIF_TAG_GPSINFO);
                kept.addDirectory(directory);
            }
        }
        return kept;
    }

    // ---------------------------------------------------------------- HEIF (ISO base media file format)

    /** A box: where its content starts and ends in the file. */
    private record Box(String type, int contentStart, int end) {
    }

    static byte[] heif(byte[] file) throws IOException {
        byte[] out = file.clone();
        Box meta = boxes(file, 0, file.length).stream().filter(b -> b.type().equals("meta")).findFirst()
                .orElseThrow(() -> new IOException("no meta box"));
        List<Box> inMeta = boxes(file, meta.contentStart() + 4, meta.end());
        List<Long> blanked = new ArrayList<>();
        for (Box b : inMeta) {
            if (b.type().equals("iinf")) {
                blanked.addAll(locationItems(file, b));
            }
        }
        if (blanked.isEmpty()) {
            return out;
        }
        Box idat = inMeta.stream().filter(b -> b.type().equals("idat")).findFirst().orElse(null);
        Box iloc = inMeta.stream().filter(b -> b.type().equals("iloc")).findFirst()
                .orElseThrow(() -> new IOException("no iloc box"));
        ByteBuffer in = ByteBuffer.wrap(file, iloc.contentStart(), iloc.end() - iloc.contentStart());
        int version = in.get() & 0xFF;
        in.position(in.position() + 3);
        int sizes = in.get() & 0xFF;
        int offsetSize = sizes >> 4;
        int lengthSize = sizes & 0x0F;
        int more = in.get() & 0xFF;
        int baseOffsetSize = more >> 4;
        int indexSize = version == 1 || version == 2 ? more & 0x0F : 0;
        long items = version < 2 ? in.getShort() & 0xFFFF : in.getInt() & 0xFFFFFFFFL;
        for (long i = 0; i < items; i++) {
            long id = version < 2 ? in.getShort() & 0xFFFF : in.getInt() & 0xFFFFFFFFL;
            int construction = version == 1 || version == 2 ? in.getShort() & 0x0F : 0;
            in.getShort(); // data reference index: 0, this file
            long base = number(in, baseOffsetSize);
            int extents = in.getShort() & 0xFFFF;
            for (int e = 0; e < extents; e++) {
                number(in, indexSize);
                long offset = number(in, offsetSize);
                long length = number(in, lengthSize);
                if (!blanked.contains(id)) {
                    continue;
                }
                long start;
                if (construction == 0) {
                    start = base + offset;
                } else if (construction == 1 && idat != null) {
                    start = idat.contentStart() + base + offset;
                } else {
                    throw new IOException("item " + id + " is not stored in the file");
                }
                long end = length == 0 ? (construction == 0 ? file.length : idat.end()) : start + length;
                if (start < 0 || end > file.length || start > end) {
                    throw new IOException("item " + id + " lies outside the file");
                }
                Arrays.fill(out, (int) start, (int) end, (byte) 0);
            }
        }
        return out;
    }

    /** The ids of the items that may tell a place: EXIF, and XMP stored as an RDF/XML "mime" item. */
    private static List<Long> locationItems(byte[] file, Box iinf) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(file, iinf.contentStart(), iinf.end() - iinf.contentStart());
        int version = in.get() & 0xFF;
        in.position(in.position() + 3);
        if (version == 0) {
            in.getShort();
        } else {
            in.getInt();
        }
        List<Long> ids = new ArrayList<>();
        for (Box infe : boxes(file, in.position(), iinf.end())) {
            if (!infe.type().equals("infe")) {
                continue;
            }
            ByteBuffer e = ByteBuffer.wrap(file, infe.contentStart(), infe.end() - infe.contentStart());
            int v = e.get() & 0xFF;
            e.position(e.position() + 3);
            if (v < 2) {
                continue; // versions 0 and 1 name no item type
            }
            long id = v == 2 ? e.getShort() & 0xFFFF : e.getInt() & 0xFFFFFFFFL;
            e.getShort(); // protection index
            byte[] type = new byte[4];
            e.get(type);
            String itemType = new String(type, StandardCharsets.ISO_8859_1);
            string(e); // item name
            if (itemType.equals("Exif")) {
                ids.add(id);
            } else if (itemType.equals("mime")) {
                String contentType = string(e).toLowerCase(java.util.Locale.ROOT);
                if (contentType.contains("xmp") || contentType.contains("rdf+xml")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<Box> boxes(byte[] file, int from, int to) throws IOException {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at + 8 <= to) {
            long size = ByteBuffer.wrap(file, at, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (at + 16 > to) {
                    throw new IOException("truncated box " + type);
                }
                size = ByteBuffer.wrap(file, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                throw new IOException("box " + type + " overruns its parent");
            }
            boxes.add(new Box(type, at + header, (int) (at + size)));
            at += (int) size;
        }
        return boxes;
    }

    private static long number(ByteBuffer in, int bytes) throws IOException {
        return switch (bytes) {
            case 0 -> 0;
            case 4 -> in.getInt() & 0xFFFFFFFFL;
            case 8 -> in.getLong();
            default -> throw new IOException("field of " + bytes + " bytes");
        };
    }

    private static String string(ByteBuffer in) {
        StringBuilder s = new StringBuilder();
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == 0) {
                break;
            }
            s.append((char) (b & 0xFF));
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- PNG

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    static byte[] png(byte[] png) throws IOException {
        if (png.length < 8 || !Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)) {
            throw new IOException("not a PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int at = 8;
        while (at < png.length) {
            if (at + 12 > png.length) {
                throw new IOException("truncated chunk");
            }
            long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xFFFFFFFFL;
            if (at + 12 + length > png.length) {
                throw new IOException("chunk overruns the file");
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!tellsAPlace(type, png, at + 8, (int) length)) {
                out.write(png, at, (int) (12 + length));
            }
            at += (int) (12 + length);
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean tellsAPlace(String type, byte[] png, int data, int length) {
        if (type.equals("eXIf")) {
            return true;
        }
        if (type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt")) {
            int end = data;
            while (end < data + length && png[end] != 0) {
                end++;
            }
            String keyword = new String(png, data, end - data, StandardCharsets.ISO_8859_1);
            return keyword.equals("XML:com.adobe.xmp") || keyword.startsWith("Raw profile type");
        }
        return false;
    }

    // ---------------------------------------------------------------- WebP (RIFF)

    static byte[] webp(byte[] webp) throws IOException {
        if (webp.length < 12) {
            throw new IOException("not a WebP");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length);
        out.write(webp, 0, 12);
        int at = 12;
        while (at + 8 <= webp.length) {
            long size = ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long padded = size + (size & 1);
            if (at + 8 + size > webp.length) {
                throw new IOException("chunk overruns the file");
            }
            String type = new String(webp, at, 4, StandardCharsets.ISO_8859_1);
            int chunk = (int) Math.min(8 + padded, webp.length - at);
            if (type.equals("VP8X") && size >= 1) {
                byte[] copy = Arrays.copyOfRange(webp, at, at + chunk);
                copy[8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags: both gone
                out.write(copy);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(webp, at, chunk);
            }
            at += chunk;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
