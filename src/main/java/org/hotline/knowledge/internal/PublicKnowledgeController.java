package org.hotline.knowledge.internal;

import org.hotline.organization.Units;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The public knowledge base (公开知识库) under {@code /api/v1/public/knowledge}: anyone reads the published entries
 * that are valid today, and nothing else (no drafts, no history, nobody's name, no order numbers).
 */
@RestController
@Validated
@RequestMapping("/api/v1/public/knowledge")
@Tag(name = "公开知识库", description = "Published policy answers for citizens; no sign-in")
class PublicKnowledgeController {

    private final KnowledgeBase knowledge;
    private final Units units;

    PublicKnowledgeController(KnowledgeBase knowledge, Units units) {
        this.knowledge = knowledge;
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "查询已发布的知识条目：有 q 时按相关度（标注命中词），否则按最近更新")
    KnowledgeViews.PageView<KnowledgeViews.PublicFoundView> list(
            @RequestParam(required = false) @Size(max = 200, message = "不能超过 200 个字符") String q,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0")
            @Max(value = 1000, message = "不能超过 1000") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 50, message = "不能超过 50") int size) {
        KnowledgeBase.Page found = knowledge.publicList(q, page, size);
        return new KnowledgeViews.PageView<>(found.entries().stream().map(f -> KnowledgeViews.publicFound(f, units))
                .toList(), found.total(), found.page(), found.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "已发布的知识条目全文")
    KnowledgeViews.PublicEntryView get(@PathVariable String id) {
        return KnowledgeViews.publicEntry(knowledge.publicFind(KnowledgeController.id(id)), units);
    }
}
