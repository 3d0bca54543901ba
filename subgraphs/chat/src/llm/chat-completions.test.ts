import { describe, expect, it } from 'vitest';
import { completionsUrl } from './chat-completions.ts';

describe('completionsUrl', () => {
  it('accepts a base URL with or without its API version', () => {
    expect(completionsUrl('http://vllm:8000/v1')).toBe('http://vllm:8000/v1/chat/completions');
    expect(completionsUrl('http://vllm:8000/v1/')).toBe('http://vllm:8000/v1/chat/completions');
    expect(completionsUrl('http://ollama:11434')).toBe('http://ollama:11434/v1/chat/completions');
    expect(completionsUrl('https://api.openai.com/v1')).toBe('https://api.openai.com/v1/chat/completions');
  });
});
