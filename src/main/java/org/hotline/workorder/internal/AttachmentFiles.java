package org.hotline.workorder.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TextChecks;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an uploaded file is, decided from its bytes and never from its name or the type the client claims: text
 * named {@code .jpg}, HTML named {@code .png} and a program named {@code .pdf} were all stored and later served as
 * images and documents. Only photos (JPEG, PNG, WebP, GIF, HEIC/HEIF) and PDF are accepted, stored under the type
 * found.
 *
 * <p>A photo from a phone carries where it was taken. Orders and their attachments are shown to units and may be
 * published with replies, so a citizen's photo must not tell where they live: {@link PhotoLocation} takes the
 * position out of JPEG, HEIC/HEIF, PNG and WebP photos before they are stored. A photo whose structure cannot be
 * read is refused rather than stored with what it may hide.
 *
 * <p>The one way in for uploads: the REST API and the console's order page both take their files through
 * {@link #accept(String, MultipartFile, DataSize)} before {@code WorkOrderService.attach}.
 */
public final class AttachmentFiles {

    /** The accepted types as the detector names them, with what a user reads. */
    static final Map<String, String> ACCEPTED = Map.of("image/jpeg", "JPEG", "image/png", "PNG", "image/webp",
            "WebP", "image/gif", "GIF", "image/heic", "HEIC", "image/heif", "HEIF", "application/pdf", "PDF");

    private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

    /** A file fit to store: its shown name, its real type, and its bytes as they will be kept. */
    public record Accepted(String name, String contentType, byte[] data) {
    }

    private AttachmentFiles() {
    }

    /** Checks an uploaded part (none, or empty, is refused too) against the size limit and what it must be. */
    static Accepted accept(String field, MultipartFile file, DataSize max) throws IOException {
        if (file == null) {
            throw new InvalidInputException(field, "请选择要上传的文件");
        }
        if (file.getSize() > max.toBytes()) {
            // The servlet container refuses larger requests before they get here; this covers a container
            // configured with a looser limit than the platform's.
            throw new MaxUploadSizeExceededException(max.toBytes());
        }
        return accept(field, file.getOriginalFilename(), file.getBytes());
    }

    /** Checks the upload named {@code field}; refuses it naming the field, or returns what to store. */
    public static Accepted accept(String field, String clientName, byte[] data) {
        if (data.length == 0) {
            throw new InvalidInputException(field, "文件为空");
        }
        String type = detect(data);
        if (!ACCEPTED.containsKey(type)) {
            throw new InvalidInputException(field, "文件内容不是照片或 PDF（识别为 " + type + "），只接受 JPEG、PNG、WebP、GIF、"
                    + "HEIC 照片和 PDF 文件，与文件名无关");
        }
        byte[] stored;
        try {
            stored = PhotoLocation.removed(type, data);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(field, "照片（" + ACCEPTED.get(type) + "）已损坏或其元数据无法读取，请重新拍摄或另存后上传");
        }
        return new Accepted(name(field, clientName), type, stored);
    }

    /** The type from the magic bytes alone: no file name is given to the detector on purpose. */
    static String detect(byte[] data) {
        try {
            MediaType type = DETECTOR.detect(new ByteArrayInputStream(data), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /**
     * The name shown to users later: the last part of what the client sent (old browsers send a whole Windows
     * path), with control characters refused rather than kept.
     */
    static String name(String field, String clientName) {
        if (clientName == null || clientName.isBlank()) {
            return "attachment";
        }
        String problem = TextChecks.problem(clientName);
        if (problem != null) {
            throw new InvalidInputException(field, "文件名" + problem);
        }
        String name = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1)
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment";
        }
        if (name.length() > 255) {
            throw new InvalidInputException(field, "文件名不能超过 255 个字符");
        }
        return name;
    }
}
