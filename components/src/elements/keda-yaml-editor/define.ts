import { defineElement } from '../../define-element.js';
import { YamlEditor } from './keda-yaml-editor.js';

defineElement('keda-yaml-editor', YamlEditor);
