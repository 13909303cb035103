package org.hotline.dispatch.internal.routing;

import java.util.List;

import org.hotline.dispatch.internal.routing.DirectoryEditing.EntryView;
import org.hotline.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dispatch directory (派单目录) for the admin (the whole {@code /api/v1/admin} tree is for ADMIN only): one
 * entry per category with the unit that owns it ({@code unitId}, or {@code territorial: true} for the town or
 * street office of the place), the duty and the phrases citizens use. A change routes the next order everywhere
 * within a second.
 */
@RestController
@RequestMapping("/api/v1/admin/dispatch/directory")
@Tag(name = "派单目录", description = "Dispatch directory: which unit owns which duty, and the phrases citizens use")
class DirectoryController {

    private final DirectoryEditing editing;

    DirectoryController(DirectoryEditing editing) {
        this.editing = editing;
    }

    @GetMapping
    @Operation(summary = "Every entry of the dispatch directory, by category")
    List<EntryView> list() {
        return editing.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One entry")
    EntryView get(@PathVariable long id) {
        return editing.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an entry; a category has at most one")
    EntryView add(@RequestBody EntryView body, Actor actor) {
        return editing.add(body, actor);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an entry")
    EntryView replace(@PathVariable long id, @RequestBody EntryView body, Actor actor) {
        return editing.replace(id, body, actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an entry (its category goes back to the taxonomy's default unit)")
    void delete(@PathVariable long id, Actor actor) {
        editing.delete(id, actor);
    }
}
