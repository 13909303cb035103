package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ConflictException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing the dispatch directory (派单目录): the one place that checks an entry (the category
 * exists, a named unit is active, a territorial entry names none, the duty and phrases fit) and keeps a
 * category to one entry. The admin API and the administrator's page both change the directory through it, so
 * they refuse the same things with the same words. Every change is a line of the administrators' audit in its own
 * transaction, with what the entry said before and after.
 */
@Service
class DirectoryEditing {

    static final int MAX_PHRASES = 100;

    /** An entry as the API and the page spell it. */
    record EntryView(Long id, String categoryCode, String categoryName, String unitId, String unitName,
            Boolean territorial, String duty, List<String> phrases, Boolean active) {
    }

    private final DirectoryStore store;
    private final Units units;
    private final Categories categories;
    private final AdminAudit audit;

    DirectoryEditing(DirectoryStore store, Units units, Categories categories, AdminAudit audit) {
        this.store = store;
        this.units = units;
        this.categories = categories;
        this.audit = audit;
    }

    List<EntryView> list() {
        return store.all().stream().map(this::view).toList();
    }

    EntryView get(long id) {
        return view(store.find(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional
    EntryView add(EntryView body, Actor actor) {
        DirectoryEntry entry = checked(body);
        if (store.findByCategory(entry.categoryCode()).isPresent()) {
            throw new ConflictException("directory-category-taken",
                    "分类 " + entry.categoryCode() + " 已有派单目录条目，请修改该条目");
        }
        EntryView added = view(store.find(store.add(entry, actor.username())).orElseThrow());
        audit.record(actor.username(), AdminAudit.DIRECTORY_ENTRY, added.id().toString(), "CREATE", AdminAudit.changes()
                .fact("主办单位", owner(added)).fact("职责", added.duty()).fact("常用说法", added.phrases())
                .fact("状态", state(added.active())).summary("新增派单目录条目：" + category(added)));
        return added;
    }

    @Transactional
    EntryView replace(long id, EntryView body, Actor actor) {
        EntryView before = view(store.find(id).orElseThrow(() -> notFound(id)));
        DirectoryEntry entry = checked(body);
        store.findByCategory(entry.categoryCode()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new ConflictException("directory-category-taken",
                    "分类 " + entry.categoryCode() + " 已有派单目录条目（" + other.id() + "）");
        });
        store.replace(id, entry, actor.username());
        EntryView after = view(store.find(id).orElseThrow());
        AdminAudit.Changes changes = AdminAudit.changes()
                .change("分类", category(before), category(after))
                .change("主办单位", owner(before), owner(after))
                .change("职责", before.duty(), after.duty())
                .change("常用说法", before.phrases(), after.phrases())
                .change("状态", state(before.active()), state(after.active()));
        if (!changes.isEmpty()) {
            String action = before.active().equals(after.active()) ? "UPDATE" : after.active() ? "ENABLE" : "DISABLE";
            audit.record(actor.username(), AdminAudit.DIRECTORY_ENTRY, Long.toString(id), action,
                    changes.summary("修改派单目录条目：" + category(before)));
        }
        return after;
    }

    /** Removes an entry: its category goes back to the taxonomy's default unit. The line keeps what it said. */
    @Transactional
    void delete(long id, Actor actor) {
        EntryView before = view(store.find(id).orElseThrow(() -> notFound(id)));
        if (!store.delete(id)) {
            throw notFound(id);
        }
        audit.record(actor.username(), AdminAudit.DIRECTORY_ENTRY, Long.toString(id), "DELETE", AdminAudit.changes()
                .fact("主办单位", owner(before)).fact("职责", before.duty()).fact("常用说法", before.phrases())
                .note("该分类改按分类的默认承办单位派单").summary("删除派单目录条目：" + category(before)));
    }

    private static String category(EntryView e) {
        return "「" + e.categoryName() + "」（" + e.categoryCode() + "）";
    }

    private static String owner(EntryView e) {
        return Boolean.TRUE.equals(e.territorial()) ? "属地（按地址确定镇街）" : e.unitName() + "（" + e.unitId() + "）";
    }

    private static String state(Boolean active) {
        return Boolean.FALSE.equals(active) ? "停用" : "启用";
    }

    /** The entry the body describes, or a 400 naming the first field that is wrong. */
    private DirectoryEntry checked(EntryView body) {
        if (body == null) {
            throw new InvalidInputException("body", "必须提供派单目录条目");
        }
        String code = body.categoryCode() == null ? "" : body.categoryCode().strip();
        if (code.isEmpty()) {
            throw new InvalidInputException("categoryCode", "必须指定分类");
        }
        if (categories.find(code).isEmpty()) {
            throw new InvalidInputException("categoryCode", "未知分类：" + code);
        }
        boolean territorial = Boolean.TRUE.equals(body.territorial());
        String unitId = body.unitId() == null || body.unitId().isBlank() ? null : body.unitId().strip();
        if (territorial && unitId != null) {
            throw new InvalidInputException("unitId", "属地条目不指定单位（由地址确定镇街）");
        }
        if (!territorial) {
            if (unitId == null) {
                throw new InvalidInputException("unitId", "必须指定主办单位，或设为属地（territorial: true）");
            }
            Unit unit = units.find(new UnitId(unitId))
                    .orElseThrow(() -> new InvalidInputException("unitId", "未知单位：" + unitId));
            if (!unit.active()) {
                throw new InvalidInputException("unitId", "单位已停用：" + unit.name());
            }
        }
        String duty = body.duty() == null ? "" : body.duty().strip();
        if (duty.isEmpty()) {
            throw new InvalidInputException("duty", "必须填写职责");
        }
        if (duty.length() > 200) {
            throw new InvalidInputException("duty", "职责不能超过200个字");
        }
        List<String> phrases = new ArrayList<>();
        List<String> given = body.phrases() == null ? List.of() : body.phrases();
        if (given.size() > MAX_PHRASES) {
            throw new InvalidInputException("phrases", "常用说法不能超过" + MAX_PHRASES + "个");
        }
        for (int i = 0; i < given.size(); i++) {
            String p = given.get(i) == null ? "" : given.get(i).strip();
            if (p.isEmpty()) {
                throw new InvalidInputException("phrases[" + i + "]", "常用说法不能为空");
            }
            if (p.length() > 20) {
                throw new InvalidInputException("phrases[" + i + "]", "常用说法不能超过20个字");
            }
            if (!phrases.contains(p)) {
                phrases.add(p);
            }
        }
        return new DirectoryEntry(0, code, territorial ? null : new UnitId(unitId), duty, phrases,
                body.active() == null || body.active());
    }

    private EntryView view(DirectoryEntry e) {
        return new EntryView(e.id(), e.categoryCode(),
                categories.find(e.categoryCode()).map(c -> c.name()).orElse(e.categoryCode()),
                e.unit() == null ? null : e.unit().value(),
                e.unit() == null ? null : units.find(e.unit()).map(Unit::name).orElse(e.unit().value()),
                e.territorial(), e.duty(), e.phrases(), e.active());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("派单目录条目 " + id + " 不存在");
    }
}
