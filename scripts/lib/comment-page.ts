/**
 * The HTML page of the README's picture: the app's comment (its markdown, rendered by `marked`
 * with GitHub's markdown style, github-markdown-css) in a frame like a GitHub timeline comment.
 * Self-contained (styles inlined, no image, no font or script fetched), so that headless
 * Chromium renders it without network. Pure: same markdown, same page.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Marked } from "marked";

const require = createRequire(import.meta.url);
const MARKDOWN_CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");

/** Width of the page in CSS pixels (GitHub's conversation column is about that wide). */
export const PAGE_WIDTH = 820;

const FRAME_CSS = `
body { margin: 0; padding: 16px; background: #ffffff; width: ${PAGE_WIDTH - 32}px;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.comment-header { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa;
  border-bottom: 1px solid #d1d9e0; color: #59636e; font-size: 14px; }
.avatar { width: 20px; height: 20px; border-radius: 4px; background: #0969da; color: #ffffff; font-size: 11px;
  font-weight: 600; display: flex; align-items: center; justify-content: center; }
.author { color: #1f2328; font-weight: 600; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; line-height: 18px; }
.markdown-body { padding: 16px; font-size: 14px; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page for one comment body (markdown as the app posts it). */
export function commentPage(markdown: string, author = "recrutement-bot"): string {
  // Comments on GitHub keep single line breaks (unlike Markdown files): breaks: true.
  const body = new Marked({ gfm: true, breaks: true }).parse(markdown, { async: false });
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Commentaire de ${escapeHtml(author)}</title>
<style>${MARKDOWN_CSS}</style>
<style>${FRAME_CSS}</style>
</head>
<body>
<div class="comment">
<div class="comment-header"><span class="avatar">rb</span><span class="author">${escapeHtml(author)}</span><span class="bot">bot</span><span>commented</span></div>
<div class="markdown-body">
${body}</div>
</div>
</body>
</html>
`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
