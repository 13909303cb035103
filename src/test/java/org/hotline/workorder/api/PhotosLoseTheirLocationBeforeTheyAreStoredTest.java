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
 * A phone's photo tells where it was taken; a citizen's photo must not tell where they live. The photo is stored
 * without its GPS directory and without the XMP that repeats the position, and keeps the rest of its EXIF (the
 * orientation, without which it would show sideways).
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
}
