package org.hotline.workorder.internal;

import java.io.IOException;

import org.hotline.platform.InvalidInputException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** What an uploaded attachment must be, for the API and the console alike: a photo or a PDF, not empty, not too big. */
final class Uploads {

    record Upload(String name, String contentType, byte[] data) {
    }

    private Uploads() {
    }

    static Upload read(MultipartFile file, DataSize max) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "文件为空");
        }
        if (file.getSize() > max.toBytes()) {
            // The servlet container refuses larger requests before they get here; this covers a container
            // configured with a looser limit than the platform's.
            throw new MaxUploadSizeExceededException(max.toBytes());
        }
        String type = file.getContentType();
        if (type == null || !Attachments.ACCEPTED_TYPES.contains(type)) {
            throw new InvalidInputException("file", "不支持的文件类型：" + type + "（支持 JPEG、PNG、WebP、GIF、PDF）");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "attachment"
                : file.getOriginalFilename();
        if (name.length() > 255) {
            throw new InvalidInputException("file", "文件名不能超过 255 个字符");
        }
        return new Upload(name, type, file.getBytes());
    }
}
