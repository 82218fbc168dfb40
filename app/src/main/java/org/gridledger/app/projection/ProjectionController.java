package org.gridledger.app.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Staff operations on the read models. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionController {

    private final ProjectionRebuilder rebuilder;

    ProjectionController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The projection groups that can be rebuilt")
    List<String> groups() {
        return rebuilder.groups();
    }

    @PostMapping("/{group}/rebuild")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Rebuild one projection from the event store, in one transaction; answers what was replayed")
    ResponseEntity<ProjectionRebuilder.RebuildResult> rebuild(@PathVariable String group) {
        // an action on a read model creates nothing addressable: 200 with its result, no Location
        return ResponseEntity.ok(rebuilder.rebuild(group));
    }
}
