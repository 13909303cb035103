package org.hotline.dispatch.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.dispatch.PlaceMatcher;
import org.hotline.dispatch.RoutingRule;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo organisation (the shipped Dongchangfu file) in memory, for tests and the dispatch benchmark, which
 * route without Spring or a database: its units, its category taxonomy and its gazetteer, places inheriting
 * their parent's unit, and the default routing rules that ship with it.
 */
public final class DemoOrganization {

    public static final DemoOrganization DONGCHANGFU = load();

    private final Map<UnitId, Unit> units = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final List<Place> places = new ArrayList<>();

    public Units units() {
        return new Units() {
            @Override
            public Optional<Unit> find(UnitId id) {
                return Optional.ofNullable(units.get(id));
            }

            @Override
            public List<Unit> all() {
                return List.copyOf(units.values());
            }
        };
    }

    public Categories categories() {
        return new Categories() {
            @Override
            public Optional<Category> find(String code) {
                return Optional.ofNullable(code == null ? null : categories.get(code));
            }

            @Override
            public List<Category> all() {
                return List.copyOf(categories.values());
            }
        };
    }

    public List<Place> places() {
        return List.copyOf(places);
    }

    /** The routing rules shipped in {@code dispatch/routing-rules.yaml}. */
    public List<RoutingRule> defaultRules() {
        try (InputStream in = DemoOrganization.class.getResourceAsStream("/dispatch/routing-rules.yaml")) {
            return YAMLMapper.builder()
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, DefaultRules.RuleFile.class).rules().stream().map(RuleView::toRule).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dispatch directory shipped with the demo organisation ({@code dispatch/directory.yaml}). */
    public org.hotline.dispatch.DispatchDirectory directory() {
        return new org.hotline.dispatch.DispatchDirectory(DirectoryFile.demo());
    }

    public PlaceMatcher matcher() {
        return PlaceMatcher.of(places, List.of("东昌府区", "东昌府", "聊城市", "聊城"));
    }

    @SuppressWarnings("unchecked")
    private static DemoOrganization load() {
        DemoOrganization org = new DemoOrganization();
        try (InputStream in = DemoOrganization.class.getResourceAsStream("/organization/dongchangfu-demo.yaml")) {
            Map<String, Object> file = new YAMLMapper().readValue(in, Map.class);
            for (Map<String, Object> u : (List<Map<String, Object>>) file.get("units")) {
                UnitId id = new UnitId((String) u.get("id"));
                org.units.put(id, new Unit(id, (String) u.get("name"), UnitKind.valueOf((String) u.get("kind")), true));
            }
            for (Map<String, Object> c : (List<Map<String, Object>>) file.get("categories")) {
                String code = (String) c.get("code");
                int cut = code.lastIndexOf('.');
                String unit = (String) c.get("unit");
                org.categories.put(code, new Category(code, (String) c.get("name"), code.split("\\.").length,
                        cut < 0 ? null : code.substring(0, cut), unit == null ? null : new UnitId(unit)));
            }
            Map<String, Place> byId = new LinkedHashMap<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) file.get("places")) {
                String parent = (String) p.get("parent");
                String unit = (String) p.get("unit");
                UnitId unitId = unit != null ? new UnitId(unit) : byId.get(parent).unit();
                Place place = new Place((String) p.get("id"), (String) p.get("name"),
                        PlaceKind.valueOf((String) p.get("kind")), parent, unitId, (List<String>) p.get("aliases"));
                byId.put(place.id(), place);
            }
            org.places.addAll(byId.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return org;
    }
}
