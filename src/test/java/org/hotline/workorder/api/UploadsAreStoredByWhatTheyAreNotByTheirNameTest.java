package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.hotline.support.HotlineIntegrationTest;
import org.hotline.support.Photos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * An upload is what its bytes are, not what its name or the client says: only photos and PDF are accepted, and
 * they are stored and served under the type found. The name shown later is the file's own name, without the
 * client's directories.
 */
@HotlineIntegrationTest
class UploadsAreStoredByWhatTheyAreNotByTheirNameTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions upload(String order, String name, String claimedType, byte[] data) throws Exception {
        return mvc.perform(multipart("/api/v1/orders/" + order + "/attachments")
                .file(new MockMultipartFile("file", name, claimedType, data)).with(httpBasic("operator1", Api.PASSWORD)));
    }

    private long attachments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_order_attachment", Long.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "text named .jpg|photo.jpg|image/jpeg|井盖缺失，见附件",
            "HTML named .png|photo.png|image/png|<!DOCTYPE html><html><script>alert(1)</script></html>",
            "a script named .pdf|scan.pdf|application/pdf|#!/bin/sh echo hi",
            "SVG named .gif|photo.gif|image/gif|<svg><script>alert(1)</script></svg>" })
    void whatIsNotAPhotoOrPdfIsRefusedWhateverItsName(String what, String name, String type, String content)
            throws Exception {
        String n = new Api(mvc).register("附件类型检查：" + what);
        long before = attachments();
        upload(n, name, type, content.getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].problem").value(org.hamcrest.Matchers.containsString("照片或 PDF")));
        assertThat(attachments()).isEqualTo(before);
    }

    @Test
    void aProgramNamedPdfIsRefused() throws Exception {
        String n = new Api(mvc).register("附件类型检查：程序");
        byte[] elf = new byte[64];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        upload(n, "scan.pdf", "application/pdf", elf).andExpect(status().isBadRequest());
    }

    @Test
    void aPhotoIsStoredUnderItsRealTypeWhateverTheClientClaims() throws Exception {
        String n = new Api(mvc).register("附件类型检查：照片");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        String body = upload(n, "C:\\Users\\王\\Desktop\\现场.jpg", "application/octet-stream", png.toByteArray())
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.fileName").value("现场.jpg")).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        new Api(mvc).get("operator1", "/api/v1/orders/" + n + "/attachments/" + id).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void aPdfIsAccepted() throws Exception {
        String n = new Api(mvc).register("附件类型检查：PDF");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload(n, "说明.pdf", "application/pdf", pdf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"));
    }

    @Test
    void aFileNameWithAControlCharacterIsRefused() throws Exception {
        String n = new Api(mvc).register("附件类型检查：文件名");
        upload(n, "a\u0007b.jpg", "image/jpeg", Photos.jpeg(false)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
