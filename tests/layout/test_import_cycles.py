"""No two apps import each other, even through a chain or an import written inside a function: an app's
modules can be read, and changed, starting from the ones it imports."""

import grimp


def app_of(module):
    return module.split(".")[1] if module.count(".") else module


def test_no_import_cycle_crosses_two_apps():
    graph = grimp.build_graph("shegong", cache_dir=None)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if app_of(imported) == app_of(importer):
                continue
            chain = graph.find_shortest_chain(importer=imported, imported=importer)
            if chain:
                cycles.append(" → ".join((importer, *chain)))
    assert cycles == []
