/** Builds the API and HTML addresses the sandbox puts in payloads. */
export interface Urls {
  api: string;
  html: string;
}

export const repoApi = (urls: Urls, fullName: string): string => `${urls.api}/repos/${fullName}`;
export const repoHtml = (urls: Urls, fullName: string): string => `${urls.html}/${fullName}`;
