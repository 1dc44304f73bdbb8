-- Headless check that Neovim gets mtlint diagnostics:
--   printf "The the end.\n" > /tmp/a.txt
--   MTLINT=target/debug/mtlint nvim --headless -u NONE /tmp/a.txt -c "luafile scripts/editors/nvim-check.lua"
-- prints "1:1 mtlint repetition/word: \"The\" is repeated".
local client = vim.lsp.start_client({
  name = "mtlint",
  cmd = { os.getenv("MTLINT") or "mtlint", "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client)
vim.wait(5000, function() return #vim.diagnostic.get(0) > 0 end)
for _, d in ipairs(vim.diagnostic.get(0)) do
  print(string.format("%d:%d %s %s: %s", d.lnum + 1, d.col + 1, d.source, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?", d.message))
end
vim.cmd("qa!")
