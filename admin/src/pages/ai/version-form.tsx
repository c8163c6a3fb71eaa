import { ActionIcon, Button, Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { aiApi, type ModelSettings, type PromptTemplate, type PromptVersion } from './ai-api';
import { templateVariables } from './prompt-text';
import { ProblemAlert } from '../../components/problem-alert';
import { useMutateOnce } from '../../components/use-mutate-once';

const ROLES = ['system', 'developer', 'user', 'assistant'];

/** Mantine's dimmed input descriptions are below WCAG AA contrast: the text colour instead. */
const READABLE = { description: { color: 'var(--mantine-color-text)' } };

interface Message {
  role: string;
  content: string;
}

/**
 * The form of a new immutable prompt version (POST /ai/prompts), prefilled from `base` when there is
 * one; without `name` it also asks for the new prompt's name and description. The declared variables
 * are the ones the template uses (the API refuses any other set). `onSaved` gets the new version.
 */
export function VersionForm({
  name,
  base,
  onSaved,
}: {
  readonly name?: string;
  readonly base?: PromptVersion;
  readonly onSaved: (version: PromptVersion) => void;
}) {
  const client = useQueryClient();
  const [newName, setNewName] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<'text' | 'chat'>(base?.template.type ?? 'text');
  const [text, setText] = useState(base?.template.type === 'text' ? base.template.text : '');
  const [messages, setMessages] = useState<Message[]>(
    base?.template.type === 'chat' ? base.template.messages.map((m) => ({ ...m })) : [{ role: 'system', content: '' }],
  );
  const [provider, setProvider] = useState(base?.settings.provider ?? 'openai');
  const [model, setModel] = useState(base?.settings.model ?? '');
  const [maxOutputTokens, setMaxOutputTokens] = useState<number | string>(base?.settings.maxOutputTokens ?? 400);
  const [temperature, setTemperature] = useState<number | string>(base?.settings.temperature ?? '');
  const [commitMessage, setCommitMessage] = useState('');

  const template: PromptTemplate =
    type === 'text' ? { type: 'text', text } : { type: 'chat', messages: messages.map((m) => ({ ...m })) };
  const variables = templateVariables(template);

  const save = useMutation({
    mutationFn: () => {
      const settings: ModelSettings = {
        provider,
        model,
        maxOutputTokens: Number(maxOutputTokens),
        ...(temperature === '' ? {} : { temperature: Number(temperature) }),
      };
      return aiApi.createVersion({
        name: name ?? newName,
        ...(name === undefined && description ? { description } : {}),
        template,
        variables,
        settings,
        commitMessage,
      });
    },
    onSuccess: async ({ version }) => {
      await client.invalidateQueries({ queryKey: ['ai', 'prompts'] });
      onSaved(version);
    },
  });

  const saveOnce = useMutateOnce(save);
  function submit(event: FormEvent) {
    event.preventDefault();
    saveOnce(undefined);
  }

  const setMessage = (index: number, change: Partial<Message>) =>
    setMessages((all) => all.map((m, i) => (i === index ? { ...m, ...change } : m)));

  return (
    <Stack component="form" onSubmit={submit} aria-label="New prompt version">
      {save.error && <ProblemAlert error={save.error} heading="Not saved" />}
      {name === undefined && (
        <>
          <TextInput
            label="Prompt name"
            description='Lower-case words joined by "." or "-"'
            styles={READABLE}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            required
          />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        </>
      )}
      <NativeSelect
        label="Template type"
        data={[
          { value: 'text', label: 'Text' },
          { value: 'chat', label: 'Chat messages' },
        ]}
        value={type}
        onChange={(e) => setType(e.currentTarget.value as 'text' | 'chat')}
      />
      {type === 'text' ? (
        <Textarea
          label="Template"
          description="{{variable}} placeholders"
          styles={READABLE}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
          required
        />
      ) : (
        messages.map((message, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <NativeSelect
              label={`Message ${index + 1} role`}
              data={ROLES}
              value={message.role}
              onChange={(e) => setMessage(index, { role: e.currentTarget.value })}
              w={140}
            />
            <Textarea
              label={`Message ${index + 1} content`}
              value={message.content}
              onChange={(e) => setMessage(index, { content: e.currentTarget.value })}
              autosize
              minRows={2}
              required
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove message ${index + 1}`}
              disabled={messages.length === 1}
              onClick={() => setMessages((all) => all.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))
      )}
      {type === 'chat' && (
        <Button
          variant="default"
          onClick={() => setMessages((all) => [...all, { role: 'user', content: '' }])}
          w="fit-content"
        >
          Add message
        </Button>
      )}
      <Text size="sm">Variables: {variables.length ? variables.join(', ') : 'none'}</Text>
      <Group grow>
        <TextInput label="Provider" value={provider} onChange={(e) => setProvider(e.currentTarget.value)} required />
        <TextInput label="Model" value={model} onChange={(e) => setModel(e.currentTarget.value)} required />
      </Group>
      <Group grow>
        <NumberInput
          label="Max output tokens"
          value={maxOutputTokens}
          onChange={setMaxOutputTokens}
          min={1}
          allowDecimal={false}
          required
        />
        <NumberInput label="Temperature" value={temperature} onChange={setTemperature} min={0} max={2} step={0.1} />
      </Group>
      <TextInput
        label="Commit message"
        description="What changed and why"
        styles={READABLE}
        value={commitMessage}
        onChange={(e) => setCommitMessage(e.currentTarget.value)}
        required
      />
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          Save version
        </Button>
      </Group>
    </Stack>
  );
}
