import { Header, PageNav, routes, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Page, PageSection, Spinner } from "@patternfly/react-core";
import { Suspense, useEffect, useState } from "react";
import { Navigate, Outlet, RouterProvider, createBrowserRouter } from "react-router-dom";
import { ApiClientsPage } from "./api-clients/ApiClientsPage";

/** Keycloak's own pages plus ours; content.json decides which of them the menu shows. */
const pages = [...routes, { path: "api-clients", element: <ApiClientsPage /> }];

function visibleItems(items, features) {
  return items.filter((item) => !item.isVisible || features[item.isVisible]);
}

function routesFor(items, features) {
  return visibleItems(items, features).flatMap((item) =>
    "children" in item
      ? routesFor(item.children, features)
      : [{ ...item, element: pages.find((page) => page.path === (item.id ?? item.path))?.element }],
  );
}

function buildRouter(environment, menu) {
  return createBrowserRouter([
    {
      path: decodeURIComponent(new URL(environment.baseUrl).pathname),
      element: (
        <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </Page>
      ),
      errorElement: <PageError />,
      children: [
        ...routesFor(menu, environment.features),
        { path: "*", element: <Navigate to=".." replace /> },
      ],
    },
  ]);
}

function PageError() {
  return (
    <PageSection>
      <Alert variant="danger" title="This page could not be shown.">
        Reload the page; if it happens again, tell your administrator.
      </Alert>
    </PageSection>
  );
}

export function Root() {
  const { environment } = useEnvironment();
  const [router, setRouter] = useState();

  useEffect(() => {
    const controller = new AbortController();
    fetch(`${environment.resourceUrl}/content.json`, { signal: controller.signal })
      .then((response) => response.json())
      .then((menu) => setRouter(buildRouter(environment, menu)))
      .catch((error) => error.name !== "AbortError" && console.error(error));
    return () => controller.abort();
  }, [environment]);

  return router ? <RouterProvider router={router} /> : <Spinner />;
}
