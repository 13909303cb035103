package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.support.Photos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A phone's photo tells where it was taken; a citizen's photo must not tell where they live. A JPEG is stored
 * without its GPS directory and without the XMP that repeats the position, and keeps the rest of its EXIF (the
 * orientation, without which it would show sideways); HEIC, PNG and WebP photos lose their EXIF and XMP.
 */
@HotlineIntegrationTest
class PhotosLoseTheirLocationBeforeTheyAreStoredTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theGpsTagsAndTheXmpPositionAreGoneAfterUpload() throws Exception {
        byte[] sent = Photos.jpeg(true);
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(sent);
        assertThat(before.getExif().getGpsInfo()).as("the test photo carries a position").isNotNull();
        assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains("exif:GPSLatitude");

        String n = new Api(mvc).register("路面塌陷，附现场照片");
        String body = mvc.perform(multipart("/api/v1/orders/" + n + "/attachments")
                        .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", sent))
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        byte[] stored = new Api(mvc).get("operator1", "/api/v1/orders/" + n + "/attachments/" + JsonPath.read(body, "$.id"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(stored);
        assertThat(after.getExif().getGpsInfo()).isNull();
        assertThat(after.getExif().findField(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants
                .EXIF_TAG_GPSINFO)).isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("xmpmeta");
        TiffField orientation = after.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION);
        assertThat(orientation).as("the orientation is kept").isNotNull();
        assertThat(orientation.getIntValue()).isEqualTo(6);
        assertThat(Imaging.getImageInfo(stored).getWidth()).isEqualTo(32);
    }

    @Test
    void aPhotoWithoutALocationIsStoredWithItsExif() throws Exception {
        String n = new Api(mvc).register("井盖缺失，附照片");
        byte[] sent = Photos.jpeg(false);
        String body = mvc.perform(multipart("/api/v1/orders/" + n + "/attachments")
                        .file(new MockMultipartFile("file", "井盖.jpg", "image/jpeg", sent))
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        byte[] stored = new Api(mvc).get("operator1", "/api/v1/orders/" + n + "/attachments/" + JsonPath.read(body, "$.id"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(((JpegImageMetadata) Imaging.getMetadata(stored)).findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION)
                .getIntValue()).isEqualTo(6);
    }

    private byte[] uploadAndReadBack(String name, byte[] sent, String expectedType) throws Exception {
        String n = new Api(mvc).register("附件位置信息：" + name);
        String body = mvc.perform(multipart("/api/v1/orders/" + n + "/attachments")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", sent))
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.contentType")
                        .value(expectedType))
                .andReturn().getResponse().getContentAsString();
        return new Api(mvc).get("operator1", "/api/v1/orders/" + n + "/attachments/" + JsonPath.read(body, "$.id"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aHeicPhotosExifItemIsBlankedInPlace() throws Exception {
        byte[] sent = Photos.heicWithLocation();
        byte[] gps = Photos.exifWithGps();
        int at = indexOf(sent, gps);
        assertThat(at).as("the test photo carries its EXIF").isPositive();
        byte[] stored = uploadAndReadBack("IMG_0001.HEIC", sent, "image/heic");
        assertThat(stored).hasSameSizeAs(sent);
        assertThat(indexOf(stored, gps)).isNegative();
        assertThat(java.util.Arrays.copyOfRange(stored, at, at + gps.length)).containsOnly((byte) 0);
        assertThat(java.util.Arrays.copyOfRange(stored, 0, at - 4)).isEqualTo(java.util.Arrays.copyOfRange(sent, 0, at - 4));
    }

    @Test
    void aPngPhotoLosesItsExifAndXmpChunks() throws Exception {
        byte[] stored = uploadAndReadBack("截图.png", Photos.pngWithLocation(), "image/png");
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("eXIf").doesNotContain("XML:com.adobe.xmp").doesNotContain("GPSLatitude");
        assertThat(indexOf(stored, Photos.exifWithGps())).isNegative();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(4);
    }

    @Test
    void aWebpPhotoLosesItsExifAndXmpChunksAndFlags() throws Exception {
        byte[] stored = uploadAndReadBack("photo.webp", Photos.webpWithLocation(), "image/webp");
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("EXIF").doesNotContain("XMP ").doesNotContain("GPSLatitude").contains("VP8L");
        assertThat(stored[20] & 0x0C).as("VP8X flags for EXIF and XMP").isZero();
        assertThat(java.nio.ByteBuffer.wrap(stored, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(stored.length - 8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
