package org.hotline.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Small real photos for upload tests, as a phone would send them: EXIF with an orientation, and a position. */
public final class Photos {

    /** Where the test photos were "taken": Liaocheng, Dongchangfu District. */
    public static final double LONGITUDE = 115.9854;
    public static final double LATITUDE = 36.4567;

    private Photos() {
    }

    /** A 32×24 JPEG with EXIF (orientation 6: rotate to show), and with GPS and an XMP position if asked. */
    public static byte[] jpeg(boolean withLocation) {
        try {
            BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.ORANGE);
            g.fillRect(0, 0, 32, 24);
            g.dispose();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
            if (withLocation) {
                exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            }
            ByteArrayOutputStream tagged = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
            if (!withLocation) {
                return tagged.toByteArray();
            }
            ByteArrayOutputStream xmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(tagged.toByteArray(), xmp,
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"36,27.402N\""
                            + " exif:GPSLongitude=\"115,59.124E\"/></rdf:RDF></x:xmpmeta>");
            return xmp.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EXIF as a bare TIFF block with an orientation and a GPS position, as HEIC, PNG and WebP carry it. */
    public static byte[] exifWithGps() {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            ByteArrayOutputStream tiff = new ByteArrayOutputStream();
            new TiffImageWriterLossy().write(tiff, exif);
            return tiff.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 4×4 PNG with an eXIf chunk (GPS) and an XMP text chunk. */
    public static byte[] pngWithLocation() {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", plain);
            byte[] png = plain.toByteArray();
            int afterHeader = 8 + 12 + 13; // signature, IHDR
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(png, 0, afterHeader);
            out.write(pngChunk("eXIf", exifWithGps()));
            out.write(pngChunk("iTXt", ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta exif:GPSLatitude=\"36,27.402N\"/>")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            out.write(png, afterHeader, png.length - afterHeader);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** A WebP container (VP8X with the EXIF and XMP flags, an image chunk, EXIF with GPS, XMP). */
    public static byte[] webpWithLocation() {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x0C;
        chunks.writeBytes(riffChunk("VP8X", vp8x));
        chunks.writeBytes(riffChunk("VP8L", new byte[] { 0x2F, 3, 0, 0, 0, 0, 0, 0, 0 }));
        chunks.writeBytes(riffChunk("EXIF", exifWithGps()));
        chunks.writeBytes(riffChunk("XMP ", "<x:xmpmeta exif:GPSLatitude=\"36,27.402N\"/>".getBytes(StandardCharsets.UTF_8)));
        byte[] body = chunks.toByteArray();
        ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(body);
        return riff.array();
    }

    private static byte[] riffChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return chunk.array();
    }

    /**
     * A HEIC file as an iPhone lays it out, reduced to what matters here: ftyp, a meta box whose item list has
     * an EXIF item (with GPS) located by iloc, and the item's bytes in mdat after a stand-in for the image.
     */
    public static byte[] heicWithLocation() {
        byte[] exif = ByteBuffer.allocate(4 + exifWithGps().length).putInt(0).put(exifWithGps()).array();
        byte[] ftyp = box("ftyp", concat(ascii("heic"), new byte[4], ascii("mif1heic")));
        byte[] hdlr = box("hdlr", concat(new byte[4], new byte[4], ascii("pict"), new byte[12], new byte[1]));
        byte[] infe = box("infe", concat(new byte[] { 2, 0, 0, 0 }, new byte[] { 0, 1 }, new byte[2], ascii("Exif"),
                new byte[1]));
        byte[] iinf = box("iinf", concat(new byte[4], new byte[] { 0, 1 }, infe));
        // iloc version 0: 4-byte offsets and lengths, no base offset; one item, one extent; offset patched below
        ByteBuffer ilocBody = ByteBuffer.allocate(4 + 2 + 2 + 2 + 2 + 2 + 4 + 4);
        ilocBody.putInt(0).put((byte) 0x44).put((byte) 0).putShort((short) 1).putShort((short) 1).putShort((short) 0)
                .putShort((short) 1).putInt(0).putInt(exif.length);
        byte[] iloc = box("iloc", ilocBody.array());
        byte[] meta = box("meta", concat(new byte[4], hdlr, iinf, iloc));
        byte[] image = "stand-in for the coded image".getBytes(StandardCharsets.US_ASCII);
        byte[] mdat = box("mdat", concat(image, exif));
        byte[] file = concat(ftyp, meta, mdat);
        int exifAt = ftyp.length + meta.length + 8 + image.length;
        int offsetField = ftyp.length + 8 + 4 + hdlr.length + iinf.length + 8 + ilocBody.capacity() - 8;
        ByteBuffer.wrap(file, offsetField, 4).putInt(exifAt);
        return file;
    }

    private static byte[] box(String type, byte[] content) {
        return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(content).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
