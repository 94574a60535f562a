/** The text as a literal inside a regular expression (an option name, a figure such as "150ms" or "1.5"). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
