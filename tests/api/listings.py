"""Every listing endpoint of the API, for the tests that walk them all."""

LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/projects/",
    "/api/v2/policies/",
    "/api/v2/notices/",
    "/api/v2/stations/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/departments/",
    "/api/v2/categories/",
    "/api/v2/organizations/",
    "/api/v2/regions/",
    "/api/v2/redblack/",
    "/api/v2/updates/",
]
