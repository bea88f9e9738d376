package cn.ola.filing;

import java.util.List;

/**
 * State assets (DESIGN §5, D6): the company's state-assets supervisor, if any, and how far its data has moved
 * to the state asset cloud. Its third-party cloud contracts are rows of their own ({@link ListingApplications.CloudContract}).
 */
public final class StateAssets {

    public static final Fact<String> STATE_ASSETS_SUPERVISOR = Fact.text("stateAssetsSupervisor", 100).toProcess();
    public static final Fact<String> STATE_CLOUD_MIGRATION_STATUS = Fact.code("stateCloudMigrationStatus",
            List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETED"))
            .requiredWhen(facts -> facts.get(StateAssets.STATE_ASSETS_SUPERVISOR) != null
                    && !facts.get(StateAssets.STATE_ASSETS_SUPERVISOR).isBlank());

    public static final FactSection SECTION = new FactSection("state", List.of(STATE_ASSETS_SUPERVISOR,
            STATE_CLOUD_MIGRATION_STATUS));

    private StateAssets() {
    }
}
