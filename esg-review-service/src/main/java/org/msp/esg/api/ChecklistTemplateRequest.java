package org.msp.esg.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.ChecklistItem;
import org.msp.esg.service.ChecklistTemplateService;
import org.msp.platform.api.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Body of POST and PUT /checklist-templates. */
public record ChecklistTemplateRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and dashes")
        String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items) {

    public record Item(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and dashes")
            String code,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 4000) String guidance,
            @NotBlank @Size(max = 200) String framework,
            @NotNull @Min(1) @Max(100) Integer weight,
            @NotNull Boolean critical) {
    }

    /** The template content; refuses two items with one code (400 naming the second). */
    ChecklistTemplateService.Draft toDraft() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!codes.add(items.get(i).code())) {
                throw ProblemException.badRequest("items[" + i + "].code", "duplicate code " + items.get(i).code());
            }
        }
        List<ChecklistItem> checklist = items.stream()
                .map(item -> ChecklistItem.of(item.code(), item.title().strip(), item.guidance().strip(),
                        item.framework().strip(), item.weight(), item.critical()))
                .toList();
        return new ChecklistTemplateService.Draft(key, name.strip(), description == null ? null : description.strip(),
                checklist);
    }
}
