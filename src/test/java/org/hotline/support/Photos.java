package org.hotline.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
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
}
