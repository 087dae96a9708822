-- Headless Neovim (0.7+) check of the .prog language server: starts `sporbar lsp --stdio`
-- with the built-in client, attaches it to the file given in SPORBAR_FILE, waits for the
-- diagnostics, asks for a definition at SPORBAR_LINE/SPORBAR_COL (0-based) and prints one
-- JSON object on stdout. Exits 0 when it got an answer, 1 on a timeout.
local file = os.getenv('SPORBAR_FILE')
local root = os.getenv('SPORBAR_ROOT')
local cli = os.getenv('SPORBAR_CLI')
local line = tonumber(os.getenv('SPORBAR_LINE'))
local col = tonumber(os.getenv('SPORBAR_COL'))
local expect_diagnostics = os.getenv('SPORBAR_EXPECT_DIAGNOSTICS') == '1'

local function emit(result)
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'prog'

local client_id = vim.lsp.start_client({
  name = 'sporbar',
  cmd = { 'node', cli, 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
})
if not client_id then
  emit({ error = 'start_client failed' })
  vim.cmd('cquit 1')
end
vim.lsp.buf_attach_client(bufnr, client_id)

local function diagnostics()
  return vim.diagnostic.get(bufnr)
end

-- Wait until the server has published for this buffer (a clean file publishes an empty
-- list, which vim.diagnostic cannot tell from "not yet": wait for a definition answer then).
local published = vim.wait(20000, function()
  if expect_diagnostics then return #diagnostics() > 0 end
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 100)

local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = line, character = col },
}
local definition = nil
for _ = 1, 50 do
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, 5000)
  if responses then
    for _, response in pairs(responses) do
      if response.result and #response.result > 0 then definition = response.result end
    end
  end
  if definition then break end
  vim.wait(200)
end
-- For a clean file: give the server time to publish, then read what is there.
if not expect_diagnostics then vim.wait(1500) end

local out = { published = published, diagnostics = {}, definition = definition }
for _, d in ipairs(diagnostics()) do
  table.insert(out.diagnostics, {
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    severity = d.severity, lnum = d.lnum, col = d.col, message = d.message,
  })
end
emit(out)
vim.lsp.stop_client(client_id, true)
if definition == nil then vim.cmd('cquit 1') end
vim.cmd('qall!')
