package org.gridledger.app.accounting;

import org.gridledger.accounting.usage.VoAttribution;
import org.gridledger.identity.vo.VoDirectory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Usage ingest's VO port, answered by identity's VO directory: a VO known by name and the community that owns it. */
@Component
class UsageVoAttribution implements VoAttribution {

    private final VoDirectory directory;

    UsageVoAttribution(VoDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<VoOwner> ownerOf(String vo) {
        return directory.findByName(vo).map(ref -> new VoOwner(ref.voId().value(), ref.communityId()));
    }
}
